/**
 * Tele-consultation (hội chẩn từ xa): the hospitals of the province, and the requests a commune station sends to one
 * of them about a person, with the parts of the record the station chose to share and an optional attachment. A
 * doctor of that hospital (role {@code hospital-doctor}, token claim {@code facility}) answers; the answer becomes a
 * visit in part D of the person's record. Nothing of the record but the chosen parts reaches the doctor, and every read
 * and change is audited against the person.
 */
package vn.hssk.consult;
