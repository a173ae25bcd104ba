/** REST resources of the administrative tree. */
package vn.hssk.unit.rest;
