/**
 * Work items and the supervision ledger (WORK-1, WORK-2, WORK-6, WORK-7, LEDGER-1..4): categories
 * from the tenant's method, the lifecycle from draft to close-out (销号), reverse scheduling on the
 * official calendar, traffic lights and their history, the ledger pages, the wall chart and the API;
 * plans and goals (WORK-3, WORK-4, WORK-5, WORK-8) in the sub-package plan.
 * Other modules see {@link cn.taizhang.work.WorkItemClosedOut}, {@link cn.taizhang.work.WorkingDays} and
 * {@link cn.taizhang.work.CommitmentNotices}.
 */
package cn.taizhang.work;
