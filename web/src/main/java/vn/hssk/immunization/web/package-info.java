/**
 * Immunization screens: part C of the person screen (doses, and entry of a dose given or from the past) and the
 * station's screen of stock and due lists with the printable invitation list per village.
 */
package vn.hssk.immunization.web;
