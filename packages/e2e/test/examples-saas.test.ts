// Every client method against the multi-tenant SaaS example: cuid ids, a compound unique
// membership, soft deletes, a partial unique index, SetNull, Json scopes and a view.
import { KilnUniqueConstraintError, KilnValidationError } from '@kiln/runtime';
import { dbFixture, providerExample, type DbFixture } from './helpers/db.js';

let f: DbFixture;
const m = (name: string) => f.db.m(name);

beforeAll(async () => {
  f = await dbFixture(providerExample('saas'));
});
afterAll(() => f.close());

describe('saas', () => {
  it('creates an organization with members, projects and keys in one call', async () => {
    const org = await m('organization').create({
      data: {
        name: 'Acme',
        slug: 'acme',
        memberships: { create: [{ role: 'OWNER', user: { create: { email: 'owner@acme.io' } } }, { user: { create: { email: 'dev@acme.io', displayName: 'Dev' } } }] },
        projects: { createMany: { data: [{ name: 'Web', slug: 'web' }, { name: 'API', slug: 'api' }] } },
      },
      include: { memberships: { include: { user: true }, orderBy: { joinedAt: 'asc' } }, _count: { select: { projects: true } } },
    });
    expect(org.id).toMatch(/^c[a-z0-9]{24}$/);
    expect(org.memberships.map((x: { role: string }) => x.role).sort()).toEqual(['MEMBER', 'OWNER']);
    expect(org._count).toEqual({ projects: 2 });
    const owner = await m('user').findUniqueOrThrow({ where: { email: 'owner@acme.io' } });
    await m('apiKey').create({ data: { organizationId: org.id, createdById: owner.id, name: 'ci', prefix: 'ak_1', secretHash: 'h', scopes: ['read', 'write'] } });
  });

  it('finds a membership by its compound key and refuses a duplicate', async () => {
    const org = await m('organization').findUniqueOrThrow({ where: { slug: 'acme' } });
    const dev = await m('user').findUniqueOrThrow({ where: { email: 'dev@acme.io' } });
    const ms = await m('membership').findUnique({ where: { organizationId_userId: { organizationId: org.id, userId: dev.id } } });
    expect(ms.role).toBe('MEMBER');
    const err = await m('membership').create({ data: { organizationId: org.id, userId: dev.id } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KilnUniqueConstraintError);
    expect((err as KilnUniqueConstraintError).fields.sort()).toEqual(['organizationId', 'userId']);
  });

  it('soft-deletes, and the partial unique index lets a slug be reused (MySQL: a plain index, see saas-mysql)', async () => {
    const org = await m('organization').findUniqueOrThrow({ where: { slug: 'acme' } });
    expect(await m('project').updateMany({ where: { organizationId: org.id, slug: 'web' }, data: { deletedAt: new Date() } })).toEqual({ count: 1 });
    await m('project').create({ data: { organizationId: org.id, name: 'Web 2', slug: 'web' } });
    const live = await m('project').findMany({ where: { organizationId: org.id, deletedAt: null }, orderBy: { slug: 'asc' }, select: { slug: true, name: true } });
    expect(live).toEqual([{ slug: 'api', name: 'API' }, { slug: 'web', name: 'Web 2' }]);
    // A partial unique names no single record, so it cannot be a findUnique key.
    await expect(m('project').findUnique({ where: { organizationId_slug: { organizationId: org.id, slug: 'web' } } })).rejects.toBeInstanceOf(KilnValidationError);
  });

  it('reads the view, with BigInt counts', async () => {
    const usage = await m('organizationUsage').findMany();
    expect(usage).toEqual([{ organizationId: expect.any(String), name: 'Acme', memberCount: 2n, projectCount: 2n }]);
    const one = await m('organizationUsage').findUnique({ where: { organizationId: usage[0].organizationId } });
    expect(one.name).toBe('Acme');
  });

  it('SetNull keeps an API key when its creator is deleted, in a transaction', async () => {
    await f.db.$transaction(async (tx: any) => {
      const owner = await tx.user.findUniqueOrThrow({ where: { email: 'owner@acme.io' } });
      await tx.user.delete({ where: { id: owner.id } });
    });
    const key = await m('apiKey').findUniqueOrThrow({ where: { prefix: 'ak_1' } });
    expect(key.createdById).toBeNull();
    expect(key.scopes).toEqual(['read', 'write']);
    expect(await m('membership').count()).toBe(1); // the owner's membership cascaded
  });

  it('groups members by role and counts users with a relation filter', async () => {
    expect(await m('membership').groupBy({ by: ['role'], _count: { _all: true } })).toEqual([{ role: 'MEMBER', _count: { _all: 1 } }]);
    expect(await m('user').count({ where: { memberships: { some: { organization: { plan: 'FREE' } } } } })).toBe(1);
    await m('organization').update({ where: { slug: 'acme' }, data: { plan: 'TEAM' } });
    expect(await m('user').count({ where: { memberships: { none: { organization: { plan: 'FREE' } } } } })).toBe(1);
  });
});
