/** The accounts screen of province administrators. */
package vn.hssk.account.web;
