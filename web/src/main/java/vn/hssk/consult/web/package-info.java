/**
 * The screens of tele-consultation: the station's requests (send one from a person's record, follow the answers),
 * the hospital doctor's inbox (open a request, see the shared parts and the attachment, answer), and the province's
 * registry of hospitals.
 */
package vn.hssk.consult.web;
