/**
 * Accounts of commune chairs and station staff, made by their province's administrator in Keycloak: scoped to the
 * province and some of its communes, with a one-time password that is shown once and stored nowhere.
 */
package vn.hssk.account;
