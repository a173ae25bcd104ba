/** The personal records screen: find persons, register them, correct, identify and void their part A. */
package vn.hssk.record.web;
