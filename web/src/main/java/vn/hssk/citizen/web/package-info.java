/** The citizen portal's screens ({@code /citizen}), phone-first. */
package vn.hssk.citizen.web;
