/** REST resources of plans, targets, village quotas and progress: /api/plans, /api/targets, /api/quotas, /api/progress. */
package vn.hssk.plan.rest;
