/*
 * Partnerflow: lets people complete Camunda Forms that contain a dynamic list.
 *
 * Tasklist 7.24 decides whether a Camunda Form may be completed by counting the keys of the
 * form-js "changed" event's errors. For fields inside a dynamic list, form-js keeps an entry with
 * an empty list of errors once the field has been touched, so Tasklist disables "Complete" for
 * good as soon as anyone types in a list row. This asks the rendered form instead: a field with
 * an error shows it (class fjs-has-errors). Submitting still runs form-js's full validation, and
 * the server checks everything again.
 */
const PATCHED = '__partnerflowFormValidity';

function patch(element) {
  const angular = window.angular;
  const controller = angular && angular.element(element).controller('camTasklistForm');
  if (!controller || controller[PATCHED]) {
    return;
  }
  const original = controller.notifyFormValidated;
  controller.notifyFormValidated = function (hasError) {
    const form = element.querySelector('.fjs-form');
    if (!hasError || !form) {
      return original.call(this, hasError);
    }
    // form-js renders its errors right after the change; look once it has
    setTimeout(() => original.call(this, !!form.querySelector('.fjs-has-errors')), 0);
  };
  controller[PATCHED] = true;
}

new MutationObserver(() => document.querySelectorAll('[cam-tasklist-form]').forEach(patch))
  .observe(document.documentElement, {childList: true, subtree: true});

export default [];
