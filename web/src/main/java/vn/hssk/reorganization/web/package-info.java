/** The reorganization screen of province administrators ({@code reorganization/reorganizations.xhtml}). */
package vn.hssk.reorganization.web;
