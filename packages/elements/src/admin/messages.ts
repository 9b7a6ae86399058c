/** Texts of `<roster-admin>`. */
export interface AdminMessages {
  sections: string;
  users: string;
  groups: string;
  settings: string;
  recycleBin: string;
  outbox: string;
  activity: string;
  addUser: string;
  newUser: string;
  editUser: string;
  backToUsers: string;
  devices: string;
}

export const en: AdminMessages = {
  sections: 'Sections',
  users: 'Users',
  groups: 'Groups',
  settings: 'Settings',
  recycleBin: 'Recycle bin',
  outbox: 'Outbox',
  activity: 'Activity',
  addUser: 'Add user',
  newUser: 'New user',
  editUser: 'User',
  backToUsers: 'Back to all users',
  devices: 'Devices',
};

export const de: AdminMessages = {
  sections: 'Bereiche',
  users: 'Benutzer',
  groups: 'Gruppen',
  settings: 'Einstellungen',
  recycleBin: 'Papierkorb',
  outbox: 'Postausgang',
  activity: 'Aktivität',
  addUser: 'Benutzer hinzufügen',
  newUser: 'Neuer Benutzer',
  editUser: 'Benutzer',
  backToUsers: 'Zurück zu allen Benutzern',
  devices: 'Geräte',
};
