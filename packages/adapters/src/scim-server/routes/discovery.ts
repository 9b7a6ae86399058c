import { NotFoundError } from '@roster/core';
import { HttpProblem } from '../../rest-server/respond.js';
import {
  GROUP_SCHEMA,
  LIST_RESPONSE,
  RESOURCE_TYPE_SCHEMA,
  ROSTER_GROUP,
  ROSTER_USER,
  SCHEMA_SCHEMA,
  SERVICE_PROVIDER_CONFIG,
  USER_SCHEMA,
} from '../../scim/wire/urns.js';
import { scimJson, type ScimContext, type ScimRoute } from '../context.js';
import { MAX_PAGE } from '../list.js';

/**
 * Discovery (RFC 7644 §4): what this endpoint supports, its resource types and the
 * schemas of the attributes it serves — only those, so a client never maps an attribute
 * that would be dropped.
 */

type Attribute = Record<string, unknown>;

function attr(
  name: string,
  options: {
    type?: string;
    multiValued?: boolean;
    required?: boolean;
    mutability?: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
    returned?: 'always' | 'never' | 'default' | 'request';
    uniqueness?: 'none' | 'server' | 'global';
    description: string;
    subAttributes?: Attribute[];
  },
): Attribute {
  return {
    name,
    type: options.type ?? 'string',
    multiValued: options.multiValued ?? false,
    description: options.description,
    required: options.required ?? false,
    caseExact: false,
    mutability: options.mutability ?? 'readWrite',
    returned: options.returned ?? 'default',
    uniqueness: options.uniqueness ?? 'none',
    ...(options.subAttributes ? { subAttributes: options.subAttributes } : {}),
  };
}

const valueOf = (description: string): Attribute[] => [
  attr('value', { description }),
  attr('type', { description: 'A label: work, mobile …' }),
  attr('primary', { type: 'boolean', description: 'The value Roster uses.' }),
];

const SCHEMAS = [
  {
    id: USER_SCHEMA,
    name: 'User',
    description: 'A Roster user',
    attributes: [
      attr('userName', {
        required: true,
        uniqueness: 'server',
        description: 'The email, else the phone, else the id.',
      }),
      attr('name', {
        type: 'complex',
        description: 'The full name (formatted is what Roster keeps).',
        subAttributes: [
          attr('formatted', { description: 'The full name.' }),
          attr('givenName', { description: 'All words of the name but the last.' }),
          attr('familyName', { description: 'The last word of the name.' }),
        ],
      }),
      attr('displayName', { description: 'The full name.' }),
      attr('emails', {
        type: 'complex',
        multiValued: true,
        description: 'One email (unique, any case).',
        subAttributes: valueOf('The address.'),
      }),
      attr('phoneNumbers', {
        type: 'complex',
        multiValued: true,
        description: 'One phone, E.164 (unique).',
        subAttributes: valueOf('+27821234567'),
      }),
      attr('active', { type: 'boolean', description: 'false: deactivated (cannot sign in).' }),
      attr('roles', {
        type: 'complex',
        multiValued: true,
        description: "One role, one of the account's roles.",
        subAttributes: valueOf('The role id.'),
      }),
      attr('groups', {
        type: 'complex',
        multiValued: true,
        mutability: 'readOnly',
        description: 'Groups the user belongs to (change them through /Groups).',
        subAttributes: [attr('value', { mutability: 'readOnly', description: 'The group id.' })],
      }),
      attr('externalId', {
        uniqueness: 'server',
        description: "The user's id in the provisioning system.",
      }),
    ],
  },
  {
    id: GROUP_SCHEMA,
    name: 'Group',
    description: 'A Roster group',
    attributes: [
      attr('displayName', { required: true, description: 'The group name.' }),
      attr('members', {
        type: 'complex',
        multiValued: true,
        description: 'Users in the group.',
        subAttributes: [attr('value', { mutability: 'immutable', description: 'The user id.' })],
      }),
      attr('externalId', {
        uniqueness: 'server',
        description: "The group's id in the provisioning system.",
      }),
    ],
  },
  {
    id: ROSTER_USER,
    name: 'RosterUser',
    description: "Roster's user fields that SCIM has no attribute for",
    attributes: [
      attr('notes', { description: 'Free-text notes.' }),
      attr('status', {
        mutability: 'readOnly',
        description: 'invited, expired, bounced, active or inactive.',
      }),
      attr('lastLoginAt', {
        type: 'dateTime',
        mutability: 'readOnly',
        description: 'Last sign-in, if any.',
      }),
      attr('rosterId', {
        mutability: 'writeOnly',
        returned: 'never',
        description: 'On create: the id to give the user.',
      }),
      attr('keywords', {
        mutability: 'readOnly',
        returned: 'never',
        description: 'Filter only: keywords sw "…" is Roster\'s keyword search.',
      }),
    ],
  },
  {
    id: ROSTER_GROUP,
    name: 'RosterGroup',
    description: "Roster's group fields that SCIM has no attribute for",
    attributes: [
      attr('description', { description: 'What the group is for.' }),
      attr('resources', {
        type: 'complex',
        multiValued: true,
        description: 'What members inherit.',
        subAttributes: [
          attr('type', { description: 'Kind.' }),
          attr('id', { description: 'Id.' }),
          attr('name', { description: 'Name.' }),
        ],
      }),
      attr('rosterId', {
        mutability: 'writeOnly',
        returned: 'never',
        description: 'On create: the id to give the group.',
      }),
      attr('keywords', {
        mutability: 'readOnly',
        returned: 'never',
        description: 'Filter only: keywords sw "…" searches names.',
      }),
    ],
  },
];

function withMeta<T extends { id: string }>(
  ctx: ScimContext,
  resource: T,
  type: string,
  path: string,
) {
  return {
    schemas: [type === 'Schema' ? SCHEMA_SCHEMA : RESOURCE_TYPE_SCHEMA],
    ...resource,
    meta: { resourceType: type, location: `${ctx.base}/${path}` },
  };
}

function resourceTypes(ctx: ScimContext) {
  return [
    withMeta(
      ctx,
      {
        id: 'User',
        name: 'User',
        endpoint: '/Users',
        description: 'Users',
        schema: USER_SCHEMA,
        schemaExtensions: [{ schema: ROSTER_USER, required: false }],
      },
      'ResourceType',
      'ResourceTypes/User',
    ),
    withMeta(
      ctx,
      {
        id: 'Group',
        name: 'Group',
        endpoint: '/Groups',
        description: 'Groups',
        schema: GROUP_SCHEMA,
        schemaExtensions: [{ schema: ROSTER_GROUP, required: false }],
      },
      'ResourceType',
      'ResourceTypes/Group',
    ),
  ];
}

function list(resources: unknown[]): Response {
  return scimJson({
    schemas: [LIST_RESPONSE],
    totalResults: resources.length,
    itemsPerPage: resources.length,
    startIndex: 1,
    Resources: resources,
  });
}

function notFound(what: string): HttpProblem {
  return new HttpProblem(404, new NotFoundError(`There is no ${what}.`));
}

/** `/ServiceProviderConfig`, `/ResourceTypes`, `/Schemas`. */
export const discoveryRoutes: ScimRoute[] = [
  {
    method: 'GET',
    path: '/ServiceProviderConfig',
    operation: 'serviceProviderConfig',
    async handle(ctx) {
      return scimJson({
        schemas: [SERVICE_PROVIDER_CONFIG],
        documentationUri: 'https://github.com/roster/roster/blob/main/docs/scim.md',
        patch: { supported: true },
        bulk: {
          supported: true,
          maxOperations: ctx.maxOperations,
          maxPayloadSize: ctx.maxBodyBytes,
        },
        filter: { supported: true, maxResults: MAX_PAGE },
        changePassword: { supported: false },
        sort: { supported: true },
        etag: { supported: true },
        pagination: {
          cursor: true,
          index: true,
          defaultPaginationMethod: 'index',
          defaultPageSize: 100,
          maxPageSize: MAX_PAGE,
        },
        authenticationSchemes: [
          {
            type: 'oauthbearertoken',
            name: 'OAuth Bearer Token',
            description: 'Authorization: Bearer <token>',
            primary: true,
          },
        ],
        meta: {
          resourceType: 'ServiceProviderConfig',
          location: `${ctx.base}/ServiceProviderConfig`,
        },
      });
    },
  },
  {
    method: 'GET',
    path: '/ResourceTypes',
    operation: 'resourceTypes',
    handle: async (ctx) => list(resourceTypes(ctx)),
  },
  {
    method: 'GET',
    path: '/ResourceTypes/:id',
    operation: 'resourceTypes',
    async handle(ctx) {
      const found = resourceTypes(ctx).find((type) => type.id === ctx.params['id']);
      if (!found) throw notFound(`resource type ${ctx.params['id']}`);
      return scimJson(found);
    },
  },
  {
    method: 'GET',
    path: '/Schemas',
    operation: 'schemas',
    handle: async (ctx) =>
      list(SCHEMAS.map((schema) => withMeta(ctx, schema, 'Schema', `Schemas/${schema.id}`))),
  },
  {
    method: 'GET',
    path: '/Schemas/:id',
    operation: 'schemas',
    async handle(ctx) {
      const found = SCHEMAS.find((schema) => schema.id === ctx.params['id']);
      if (!found) throw notFound(`schema ${ctx.params['id']}`);
      return scimJson(withMeta(ctx, found, 'Schema', `Schemas/${found.id}`));
    },
  },
];
