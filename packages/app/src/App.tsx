import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { catalogGraphModule } from './modules/catalogGraph';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

/**
 * The portal. Plugins are discovered from this package's dependencies
 * (`app.packages: all` in app-config.yaml); features listed here are added explicitly.
 */
export default createApp({
  features: [catalogPlugin, catalogGraphModule, navModule, signInModule],
});
