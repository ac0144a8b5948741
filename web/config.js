// Where the pages find the API and staff sign-in (an ES module: js/api.js and the pages import it).
// The deploy step (scripts/deploy-web.sh) rewrites this file with the stack's outputs; locally
// everything is on one origin.
export const config = {
  // Base URL of the API: "" = the origin that served this page (the local cloud on :3000).
  // In the cloud: "https://<api-id>.execute-api.<region>.amazonaws.com/<stage>".
  apiBase: "",
  // Cognito hosted UI for the review console. Empty domain = the local token form (POST /local/token).
  cognito: {
    domain: "",        // e.g. "https://plp-staff-prod-123456789012.auth.us-east-1.amazoncognito.com"
    clientId: "",      // StaffUserPoolClientId output
    redirectUri: ""    // defaults to this site's /admin.html
  },
  // Optional background tiles for the map (off by default: the map draws state outlines itself).
  // Only takes effect when the map page is opened with ?tiles=1 or tiles.enabled is true.
  // The host must also be allowed by the site's Content-Security-Policy (img-src).
  tiles: {
    enabled: false,
    url: "",           // e.g. "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    attribution: ""
  }
};
