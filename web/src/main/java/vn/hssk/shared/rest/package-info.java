/** What every REST resource shares: the application path and the one mapping of errors to problem details. */
package vn.hssk.shared.rest;
