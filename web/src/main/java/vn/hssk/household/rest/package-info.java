/** REST resources of the households: search, read, create, correct, move, close, and their members. */
package vn.hssk.household.rest;
