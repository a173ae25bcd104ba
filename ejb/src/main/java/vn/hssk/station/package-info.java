/**
 * Commune health stations (trạm y tế xã) with their sub-sites (điểm trạm) in former communes, and the staff who work
 * there. One open main station per commune; stations are closed and staff leave, nothing is deleted.
 */
package vn.hssk.station;
