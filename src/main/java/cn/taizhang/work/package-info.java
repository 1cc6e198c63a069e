/**
 * Work items and the supervision ledger (WORK-1, WORK-2, WORK-6, WORK-7, LEDGER-1..4): categories
 * from the tenant's method, the lifecycle from draft to close-out (销号), reverse scheduling on the
 * official calendar, traffic lights and their history, the ledger pages, the wall chart and the API.
 * Other modules see {@link cn.taizhang.work.WorkItemClosedOut} and {@link cn.taizhang.work.WorkingDays}.
 */
package cn.taizhang.work;
