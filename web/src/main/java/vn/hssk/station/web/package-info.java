/** The stations screen: stations of the province (or of the caller's communes) with their staff. */
package vn.hssk.station.web;
