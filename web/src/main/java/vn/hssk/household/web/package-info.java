/** The households screen: find households, keep their details and members, move and close them. */
package vn.hssk.household.web;
