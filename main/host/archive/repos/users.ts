import { randomUUID } from 'node:crypto';
import type { Database } from '../db';
import type { User } from '../../../../shared/api/schemas/users';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  is_admin: number;
  can_create_meetings: number;
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    isAdmin: row.is_admin === 1,
    canCreateMeetings: row.can_create_meetings === 1 || row.is_admin === 1,
  };
}

export function createUsersRepo(db: Database) {
  const byId = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?');
  const byName = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?');
  const all = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY username');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users');
  const insert = db.prepare(
    `INSERT INTO users (id, username, display_name, password_hash, is_admin, can_create_meetings, created_at)
     VALUES (@id, @username, @displayName, @passwordHash, @isAdmin, @canCreateMeetings, @createdAt)`,
  );
  return {
    get(id: string): User | undefined {
      const row = byId.get(id);
      return row && toUser(row);
    },
    /** With the password hash, for login only. */
    findForLogin(username: string): (User & { passwordHash: string }) | undefined {
      const row = byName.get(username);
      return row && { ...toUser(row), passwordHash: row.password_hash };
    },
    findByUsername(username: string): User | undefined {
      const row = byName.get(username);
      return row && toUser(row);
    },
    list(): User[] {
      return all.all().map(toUser);
    },
    count(): number {
      return count.get()!.n;
    },
    create(input: {
      username: string;
      displayName: string;
      passwordHash: string;
      isAdmin: boolean;
      canCreateMeetings: boolean;
    }): User {
      const id = randomUUID();
      insert.run({
        id,
        username: input.username,
        displayName: input.displayName,
        passwordHash: input.passwordHash,
        isAdmin: input.isAdmin ? 1 : 0,
        canCreateMeetings: input.canCreateMeetings ? 1 : 0,
        createdAt: new Date().toISOString(),
      });
      return this.get(id)!;
    },
  };
}
export type UsersRepo = ReturnType<typeof createUsersRepo>;
