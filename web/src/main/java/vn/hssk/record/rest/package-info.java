/** REST resources of the personal records: register, read, correct, identify, void and search persons (part A). */
package vn.hssk.record.rest;
