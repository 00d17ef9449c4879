/** Picking a credential up into a wallet app (OID4VCI credential offer). */
export const walletApp = {
  'walletApp.title': 'Add to a wallet app',
  'walletApp.hint':
    'A wallet app on your phone (one that supports OpenID for Verifiable Credential Issuance) can keep this credential and show it to anyone. The code works once, for 15 minutes.',
  'walletApp.create': 'Show the code for my wallet app',
  'walletApp.qr': 'QR code for a wallet app to receive this credential',
  'walletApp.scan':
    'Scan it with your wallet app. The app asks for a key of its own; the credential it receives names that key as you.',
  'walletApp.sameDevice': 'Wallet app on this phone? Open it here',
  'walletApp.expires': 'Valid until {time}',
  'walletApp.failed': 'The code could not be made. Try again.',
  'walletApp.unavailable': 'Only a valid credential can be added to a wallet app.',
};
