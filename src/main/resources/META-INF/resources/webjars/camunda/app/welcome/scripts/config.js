// Partnerflow: our name in the header and the browser tab ("Partnerflow Welcome"); the logo is replaced in
// styles/user-styles.css. Everything else is Camunda's default.
export default {
  app: {
    name: 'Welcome',
    vendor: 'Partnerflow'
  }
};
