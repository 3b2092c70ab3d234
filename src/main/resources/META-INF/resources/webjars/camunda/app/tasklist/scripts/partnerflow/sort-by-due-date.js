/*
 * Partnerflow: Tasklist lists tasks by due date, the most urgent first, unless the person picked
 * another order. Tasklist keeps its sort order in the address (parameter "sorting") and falls back
 * to the creation date; this fills in the due date where the address names no order.
 */
const DUE_DATE_FIRST = encodeURIComponent(JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]));

function sortByDueDateUnlessChosen() {
  const hash = window.location.hash;
  if (!hash.startsWith('#/') || hash.startsWith('#/login') || /[?&]sorting=/.test(hash)) {
    return;
  }
  window.location.replace(hash + (hash.includes('?') ? '&' : '?') + 'sorting=' + DUE_DATE_FIRST);
}

window.addEventListener('hashchange', sortByDueDateUnlessChosen);
sortByDueDateUnlessChosen();

export default [];
