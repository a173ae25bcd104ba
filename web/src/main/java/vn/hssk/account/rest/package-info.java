/** REST resources of the commune accounts a province administrator manages. */
package vn.hssk.account.rest;
