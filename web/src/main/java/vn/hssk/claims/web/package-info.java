/** The claim intake screen ({@code claims/claims.xhtml}): upload an envelope, read its report, work the review list. */
package vn.hssk.claims.web;
