/**
 * Immunization (EPI): the vaccine catalog, the national schedule as versioned data, vaccine lots from the province to
 * the stations, station stock as movements whose balance never goes negative, and the doses of part C of the personal
 * record. A dose given at a station takes its lot's stock in the same transaction; a past dose entered from a card
 * names no lot. Every read and change of a person's doses is written to the audit trail under the person.
 */
package vn.hssk.immunization;
