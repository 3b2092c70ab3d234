// Partnerflow: our name in the header and the browser tab ("Partnerflow Cockpit"); the logo is replaced in
// styles/user-styles.css. Everything else is Camunda's default.
export default {
  app: {
    name: 'Cockpit',
    vendor: 'Partnerflow'
  }
};
