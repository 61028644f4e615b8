/**
 * npm run package: the Teams app package for this installation (src/packaging/app-package.ts
 * says which settings it reads). Prints where it is, or exactly which value is wrong.
 */
import { buildAppPackage } from '../packaging/app-package';

buildAppPackage(process.env).then(
  ({ file }) => console.log(`Teams app package: ${file}`),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  },
);
