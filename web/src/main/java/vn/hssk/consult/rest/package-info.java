/**
 * The API of tele-consultation: {@code /api/consultations} for stations and hospital doctors, {@code /api/hospitals}
 * for the province's registry of hospitals.
 */
package vn.hssk.consult.rest;
