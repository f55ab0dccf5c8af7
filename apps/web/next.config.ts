import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { securityHeaders } from './src/lib/security-headers';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

const config: NextConfig = {
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders(process.env.NODE_ENV === 'development') }];
  },
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ['@bandanh/contracts'],
  serverExternalPackages: ['harfbuzzjs', 'fontkit'],
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
};

export default withNextIntl(config);
