import type { UserInfoService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { pathToFileURL } from 'node:url';
import type { GitAuthor } from '../publish/git';
import {
  assertPublishable,
  createRepository,
  proposeOnBranch,
  UnpublishableContentError,
} from '../publish/localRepository';
import { assertOwnsProduct } from '../publish/productOwnership';
import { resolveInside } from '../workspacePaths';
import { examples } from './publishLocal.examples';

const REPO_NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const BRANCH_NAME = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/;

/** Where the action publishes, and who commits by default. */
export interface LocalPublishOptions {
  /** The folder repositories are published to (absolute). */
  publishDir: string;
  /** The committer when the user who runs the template has no name or e-mail. */
  defaultAuthor: GitAuthor;
}

/**
 * What the `data-mesh:publish:local` action needs: where it publishes, and how it checks that
 * a branch is proposed by an owner of the product.
 *
 * @public
 */
export interface PublishLocalActionOptions extends LocalPublishOptions {
  /** Reads the product a branch is proposed for, with the initiator's credentials. */
  catalog: CatalogService;
  /** The initiator's ownership refs (themselves and their groups). */
  userInfo: UserInfoService;
}

/**
 * Creates the `data-mesh:publish:local` action: publishes the workspace (or a folder of it)
 * as a git repository in the portal's publish folder, for portals without a git server; the
 * catalog reads what is published there. With `branch`, the content is proposed on a new
 * branch of the product's repository instead, and the released version stays checked out;
 * only an owner of the product (`entityRef`, by default `component:default/<repoName>`) may
 * do that. The workspace must hold plain files and folders: a symbolic link is refused, as
 * the catalog would follow it on the backend host.
 *
 * @public
 */
export function createPublishLocalAction(options: PublishLocalActionOptions) {
  const { publishDir, defaultAuthor, catalog, userInfo } = options;
  return createTemplateAction({
    id: 'data-mesh:publish:local',
    description:
      "Publishes the workspace as a git repository in the portal's publish folder (no git server needed); the catalog reads it from there",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoName: z =>
          z.string({
            description:
              'Name of the repository folder, e.g. the product name (lower case, digits, . _ -)',
          }),
        sourcePath: z =>
          z
            .string({
              description:
                'Folder of the workspace to publish, relative to it; "." by default',
            })
            .optional(),
        branch: z =>
          z
            .string({
              description:
                'Propose the content on this new branch of the repository instead of creating the repository (e.g. contract-v2.0.0)',
            })
            .optional(),
        entityRef: z =>
          z
            .string({
              description:
                'With branch: the product the new version is proposed for (its owners only), e.g. component:default/orders; by default component:default/<repoName>',
            })
            .optional(),
        commitMessage: z =>
          z.string({ description: 'The commit message' }).optional(),
      },
      output: {
        repoPath: z =>
          z.string({
            description: 'The published repository on the backend host',
          }),
        remoteUrl: z =>
          z.string({ description: 'A file: URL to clone the repository from' }),
        branch: z =>
          z.string({ description: 'The branch the content was committed on' }),
        commitHash: z => z.string({ description: 'The commit' }),
      },
    },
    async handler(ctx) {
      const { repoName, sourcePath = '.', branch } = ctx.input;
      if (!REPO_NAME.test(repoName)) {
        throw new InputError(
          `repoName "${repoName}" is not a folder name the publish folder accepts: use lower-case letters, digits, ".", "_" and "-", starting with a letter or digit`,
        );
      }
      if (
        branch !== undefined &&
        (!BRANCH_NAME.test(branch) || branch.includes('..'))
      ) {
        throw new InputError(
          `branch "${branch}" is not a usable branch name: use letters, digits, ".", "_", "-" and "/"`,
        );
      }
      const source = resolveInside(ctx.workspacePath, sourcePath, 'sourcePath');
      const repoPath = resolveInside(publishDir, repoName, 'repoName');
      if (branch !== undefined) {
        await assertOwnsProduct({
          entityRef: ctx.input.entityRef ?? repoName,
          repoName,
          credentials: await ctx.getInitiatorCredentials(),
          catalog,
          userInfo,
        });
      }
      try {
        await assertPublishable(source);
      } catch (error) {
        if (error instanceof UnpublishableContentError)
          throw new InputError(error.message);
        throw error;
      }
      const profile = ctx.user?.entity?.spec?.profile;
      const author: GitAuthor = {
        name: profile?.displayName ?? defaultAuthor.name,
        email: profile?.email ?? defaultAuthor.email,
      };
      const message =
        ctx.input.commitMessage ??
        (branch
          ? `Propose ${repoName} on ${branch}`
          : `Create data product ${repoName}`);

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would ${
            branch ? `commit on branch ${branch} of` : 'create'
          } the repository ${repoPath} from ${sourcePath}`,
        );
        ctx.output('repoPath', repoPath);
        ctx.output('remoteUrl', pathToFileURL(repoPath).href);
        ctx.output('branch', branch ?? 'main');
        ctx.output('commitHash', 'dry-run');
        return;
      }

      const publication = await ctx.checkpoint({
        key: `data-mesh.publish.local.${repoName}.${branch ?? 'main'}`,
        fn: async () => {
          try {
            const published = branch
              ? await proposeOnBranch({
                  sourcePath: source,
                  repoPath,
                  branch,
                  author,
                  message,
                })
              : await createRepository({
                  sourcePath: source,
                  repoPath,
                  author,
                  message,
                });
            return published;
          } catch (error) {
            throw new InputError((error as Error).message);
          }
        },
      });
      ctx.logger.info(
        `Published ${sourcePath} to ${publication.repoPath} (branch ${
          publication.branch
        }, commit ${publication.commitHash.slice(0, 12)})`,
      );
      ctx.output('repoPath', publication.repoPath);
      ctx.output('remoteUrl', pathToFileURL(publication.repoPath).href);
      ctx.output('branch', publication.branch);
      ctx.output('commitHash', publication.commitHash);
    },
  });
}
