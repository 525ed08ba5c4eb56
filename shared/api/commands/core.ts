import { z } from 'zod';
import { admin, anyone, defineCommands, inMeeting, user } from '../define';
import { Health, Id } from '../schemas/common';
import { CreateUserBody, LoginAnswer, LoginBody, User } from '../schemas/users';
import {
  AgendaItem,
  AgendaOrderBody,
  CreateAgendaItemBody,
  CreateMeetingBody,
  Meeting,
  MeetingDetail,
  PatchAgendaItemBody,
  PatchMeetingBody,
  PutParticipantsBody,
} from '../schemas/meetings';

const M = z.object({ m: Id });
const MI = z.object({ m: Id, i: Id });

export const coreCommands = defineCommands({
  health: { method: 'GET', path: '/health', access: anyone, answer: Health },
  login: {
    method: 'POST',
    path: '/auth/login',
    access: anyone,
    body: LoginBody,
    // 64 + 256 characters, each at most a 6-byte JSON escape, and the keys.
    maxBodyBytes: 4096,
    answer: LoginAnswer,
  },
  logout: { method: 'POST', path: '/auth/logout', access: user, answer: 'empty' },
  me: { method: 'GET', path: '/me', access: user, answer: User },
  createUser: {
    method: 'POST',
    path: '/users',
    access: admin,
    body: CreateUserBody,
    answer: User,
    status: 201,
  },
  listUsers: { method: 'GET', path: '/users', access: admin, answer: z.array(User) },

  createMeeting: {
    method: 'POST',
    path: '/meetings',
    access: user,
    body: CreateMeetingBody,
    answer: Meeting,
    status: 201,
  },
  listMeetings: { method: 'GET', path: '/meetings', access: user, answer: z.array(Meeting) },
  getMeeting: {
    method: 'GET',
    path: '/meetings/:m',
    access: inMeeting('m', 'participant', true),
    params: M,
    answer: MeetingDetail,
  },
  patchMeeting: {
    method: 'PATCH',
    path: '/meetings/:m',
    access: inMeeting('m', ['secretary'], true),
    params: M,
    body: PatchMeetingBody,
    answer: Meeting,
  },
  putParticipants: {
    method: 'PUT',
    path: '/meetings/:m/participants',
    access: inMeeting('m', ['secretary'], true),
    params: M,
    body: PutParticipantsBody,
    answer: MeetingDetail,
  },
  publishMeeting: {
    method: 'POST',
    path: '/meetings/:m/publish',
    access: inMeeting('m', ['secretary'], true),
    params: M,
    answer: Meeting,
  },
  addAgendaItem: {
    method: 'POST',
    path: '/meetings/:m/agenda',
    access: inMeeting('m', ['secretary'], true),
    params: M,
    body: CreateAgendaItemBody,
    answer: AgendaItem,
    status: 201,
  },
  reorderAgenda: {
    method: 'PUT',
    path: '/meetings/:m/agenda/order',
    access: inMeeting('m', ['secretary'], true),
    params: M,
    body: AgendaOrderBody,
    answer: z.array(AgendaItem),
  },
  patchAgendaItem: {
    method: 'PATCH',
    path: '/meetings/:m/agenda/:i',
    access: inMeeting('m', ['secretary'], true),
    params: MI,
    body: PatchAgendaItemBody,
    answer: AgendaItem,
  },
  deleteAgendaItem: {
    method: 'DELETE',
    path: '/meetings/:m/agenda/:i',
    access: inMeeting('m', ['secretary'], true),
    params: MI,
    answer: 'empty',
  },
  setCurrentAgendaItem: {
    method: 'POST',
    path: '/meetings/:m/agenda/:i/current',
    access: inMeeting('m', ['chair'], true),
    params: MI,
    answer: Meeting,
  },
});
