#!/usr/bin/env bash
# Deploys web/ as static files to a deployed stack: writes config.js from the stack (API URL,
# Cognito hosted UI), syncs to the private site bucket and invalidates CloudFront.
#   scripts/deploy-web.sh [stack-name]      (default plp-dev; plp-prod for prod)
# Needs the AWS CLI v2 and credentials for the stack's account.
set -euo pipefail
STACK="${1:-plp-dev}"
cd "$(dirname "$0")/.."

output() {
  aws cloudformation describe-stacks --stack-name "$STACK" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}
resource() {
  aws cloudformation describe-stack-resource --stack-name "$STACK" --logical-resource-id "$1" \
    --query StackResourceDetail.PhysicalResourceId --output text
}

API_URL="$(output ApiUrl)"
CLIENT_ID="$(output StaffUserPoolClientId)"
BUCKET="$(resource SiteBucket)"
DISTRIBUTION="$(resource SiteDistribution)"
AUTH_DOMAIN="$(output StaffHostedUiDomain)"
SITE="$(output SiteUrl)"

STAGING="$(mktemp -d)"
trap 'rm -rf "$STAGING"' EXIT
cp -R web/. "$STAGING/"
cat > "$STAGING/config.js" <<JS
// Written by scripts/deploy-web.sh for stack ${STACK}.
window.PLP_CONFIG = {
  apiBase: "${API_URL}",
  cognito: { domain: "${AUTH_DOMAIN}", clientId: "${CLIENT_ID}", redirectUri: "" },
  tiles: { enabled: false, url: "", attribution: "" }
};
JS

# A day's caching for the vendored libraries only (they change with their version); the pages, our own
# scripts, styles, rules.json and openapi.json revalidate on every load (ETag), so a browser never mixes a new
# page with yesterday's scripts or rules.
aws s3 sync "$STAGING/" "s3://${BUCKET}/" --delete --exclude "*" --include "vendor/*" \
  --cache-control "public, max-age=86400"
aws s3 sync "$STAGING/" "s3://${BUCKET}/" --delete --exclude "vendor/*" \
  --cache-control "no-cache"
aws cloudfront create-invalidation --distribution-id "$DISTRIBUTION" --paths "/*" >/dev/null
echo "Deployed web/ (API ${API_URL})."
echo "Site: ${SITE}"
