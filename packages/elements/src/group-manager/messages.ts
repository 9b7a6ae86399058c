import { addMessages } from '../i18n/index.js';

/** Texts of `<roster-group-manager>`. */
export interface GroupManagerMessages {
  groups: string;
  searchGroups: string;
  loadingGroups: string;
  noGroups: string;
  noMatches: string;
  memberCount: (count: number) => string;
  newGroup: string;
  name: string;
  externalId: string;
  externalIdHint: string;
  description: string;
  create: string;
  created: (name: string) => string;
  selectHint: string;
  showAll: string;
  details: string;
  saved: string;
  staleGroup: string;
  reload: string;
  deleteGroup: string;
  deleteTitle: (name: string) => string;
  deleteBody: (name: string, members: number) => string;
  deleted: (name: string) => string;
  members: string;
  noMembers: string;
  removeMember: (name: string) => string;
  removed: (name: string) => string;
  addMembers: string;
  searchUsers: string;
  addMember: (name: string) => string;
  alreadyMember: string;
  noUsersFound: string;
  addSelection: (count: number) => string;
  added: (count: number) => string;
  addFailed: (count: number) => string;
  resources: string;
  resourcesHint: string;
  noResources: string;
  resourceType: string;
  resourceId: string;
  resourceName: string;
  addResource: string;
  removeResource: (label: string) => string;
  resourceExists: string;
  required: string;
  previousPage: string;
  nextPage: string;
  add: string;
  remove: string;
}

export const en: GroupManagerMessages = {
  groups: 'Groups',
  searchGroups: 'Search groups',
  loadingGroups: 'Loading groups…',
  noGroups: 'No groups yet. Create the first one above.',
  noMatches: 'No groups match this search.',
  memberCount: (count) => `${count.toLocaleString('en')} ${count === 1 ? 'member' : 'members'}`,
  newGroup: 'New group',
  name: 'Name',
  externalId: 'External ID',
  externalIdHint: 'Optional: the group’s ID in another system (HR, identity provider).',
  description: 'Description',
  create: 'Create group',
  created: (name) => `Group “${name}” created.`,
  selectHint: 'Select a group to see its members and resources.',
  showAll: 'Show all users',
  details: 'Details',
  saved: 'Group saved.',
  staleGroup: 'Someone else changed this group meanwhile. Reload it to see their change.',
  reload: 'Reload',
  deleteGroup: 'Delete group',
  deleteTitle: (name) => `Delete the group “${name}”?`,
  deleteBody: (name, members) =>
    members === 0
      ? `“${name}” has no members. The group and the resources it grants are removed.`
      : `Its ${members.toLocaleString('en')} ${members === 1 ? 'member stays' : 'members stay'} in the directory: they only leave “${name}” and lose the resources it grants.`,
  deleted: (name) => `Group “${name}” deleted; its members stay.`,
  members: 'Members',
  noMembers: 'This group has no members yet.',
  removeMember: (name) => `Remove ${name} from the group`,
  removed: (name) => `${name} left the group.`,
  addMembers: 'Add members',
  searchUsers: 'Find users to add',
  addMember: (name) => `Add ${name}`,
  alreadyMember: 'Member',
  noUsersFound: 'No users found.',
  addSelection: (count) =>
    `Add the ${count.toLocaleString('en')} selected ${count === 1 ? 'user' : 'users'}`,
  added: (count) => `${count.toLocaleString('en')} ${count === 1 ? 'user' : 'users'} added.`,
  addFailed: (count) =>
    `${count.toLocaleString('en')} ${count === 1 ? 'user' : 'users'} could not be added.`,
  resources: 'Resources',
  resourcesHint: 'Members inherit every resource of their groups (apps, permission sets, sites).',
  noResources: 'This group grants no resources.',
  resourceType: 'Type',
  resourceId: 'ID',
  resourceName: 'Name (optional)',
  addResource: 'Add resource',
  removeResource: (label) => `Remove resource ${label}`,
  resourceExists: 'The group already grants this resource.',
  required: 'Required.',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  add: 'Add',
  remove: 'Remove',
};

addMessages('groupManager', en);
