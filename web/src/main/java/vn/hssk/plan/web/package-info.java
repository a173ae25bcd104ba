/** Faces screens of village quotas, progress (province overview, commune dashboard), plans and targets. */
package vn.hssk.plan.web;
