// WorkSpaces answers the tests share: one single-account and one organization
// configuration with the part switched on.

/** Single account, Identity Center users, two allowed networks. */
export const WS_SINGLE_ANSWERS = Object.freeze({
  enabled: true,
  identitySource: "identity-center",
  allowedNetworks: ["203.0.113.0/24", "198.51.100.7/32"],
});

/** Organization: two member accounts run WorkSpaces; one has a Managed AD directory whose logs are forwarded. */
export const WS_ORG_ANSWERS = Object.freeze({
  enabled: true,
  identitySource: "managed-ad",
  accounts: ["444444444444", "555555555555"],
  allowedNetworks: ["203.0.113.0/24"],
  directories: [{ id: "d-1234567890", account: "444444444444" }],
});
