/** What every screen shares: language, request origin, and the way out (logout). */
package vn.hssk.shared.web;
