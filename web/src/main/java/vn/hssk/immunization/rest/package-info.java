/**
 * The immunization API under {@code /api}: vaccines, schedule, lots, stock and the doses of a person (part C). Bodies
 * and answers are records; dates travel as yyyy-MM-dd and a bad one is refused naming its field.
 */
package vn.hssk.immunization.rest;
