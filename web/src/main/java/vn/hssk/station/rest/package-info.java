/** REST resources of the commune health stations and their staff. */
package vn.hssk.station.rest;
