import { registerStrings } from '../../app/i18n';

registerStrings({
  vi: {
    attendance: {
      heading: 'Điểm danh',
      checkIn: 'Điểm danh có mặt',
      checkOut: 'Báo vắng',
      youArePresent: 'Bạn đã điểm danh có mặt.',
      youAreAbsent: 'Bạn đang được ghi là vắng mặt.',
      counts: 'Có mặt {{present}}/{{members}} đại biểu có quyền biểu quyết',
      quorumReached: 'Đủ số lượng (túc số)',
      quorumMissing: 'Chưa đủ số lượng',
      markPresent: 'Có mặt',
      markAbsent: 'Vắng',
      markPresentFor: 'Ghi {{name}} có mặt',
      markAbsentFor: 'Ghi {{name}} vắng mặt',
      reason: 'Lý do vắng',
      reasonFor: 'Lý do vắng của {{name}}',
      status: { present: 'Có mặt', absent: 'Vắng', none: 'Chưa điểm danh' },
    },
  },
  en: {
    attendance: {
      heading: 'Attendance',
      checkIn: 'Check in',
      checkOut: 'Report absent',
      youArePresent: 'You are checked in.',
      youAreAbsent: 'You are recorded as absent.',
      counts: '{{present}} of {{members}} voting members present',
      quorumReached: 'Quorum reached',
      quorumMissing: 'No quorum yet',
      markPresent: 'Present',
      markAbsent: 'Absent',
      markPresentFor: 'Mark {{name}} present',
      markAbsentFor: 'Mark {{name}} absent',
      reason: 'Reason for absence',
      reasonFor: 'Reason {{name}} is absent',
      status: { present: 'Present', absent: 'Absent', none: 'Not checked in' },
    },
  },
});
