/** The province administrator's screen of the personal-ID review list. */
package vn.hssk.review.web;
