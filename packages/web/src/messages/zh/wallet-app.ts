import type { walletApp as en } from '../en/wallet-app.ts';
import type { Translation } from '../types.ts';

export const walletApp: Translation<typeof en> = {
  'walletApp.title': '添加到钱包应用',
  'walletApp.hint':
    '手机上的钱包应用（支持 OpenID 可验证凭证签发协议的应用）可以保存此证书，并向任何人出示。二维码只能使用一次，15 分钟内有效。',
  'walletApp.create': '显示钱包应用用的二维码',
  'walletApp.qr': '供钱包应用领取此证书的二维码',
  'walletApp.scan': '请用钱包应用扫描。应用会使用它自己的密钥；领取到的证书以该密钥代表您本人。',
  'walletApp.sameDevice': '钱包应用就在这部手机上？在此打开',
  'walletApp.expires': '有效期至 {time}',
  'walletApp.failed': '未能生成二维码，请重试。',
  'walletApp.unavailable': '只有有效的证书才能添加到钱包应用。',
};
