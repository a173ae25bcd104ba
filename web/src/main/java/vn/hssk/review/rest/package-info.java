/** The province's personal-ID review list over REST ({@code /api/personal-id-reviews}), for province administrators. */
package vn.hssk.review.rest;
