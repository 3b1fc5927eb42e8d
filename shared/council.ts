/** The people of a council and the demo council every new user starts with. */
export const MEMBER_ROLES = ['chair', 'member', 'secretary'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface Member {
  memberId: string;
  name: string;
  affiliation: string;
  role: MemberRole;
  /** Ed25519 public key (SPKI PEM), once the member has one. */
  publicKeyPem?: string;
  /** An inactive member (who left the council) is kept for the record but is not among the voting members. */
  active: boolean;
  /** Conflicts of interest the member declared ahead of meetings (HotCRP-style, first-class data). */
  conflicts: DeclaredConflict[];
}

/**
 * What a declared conflict matches: a business registration number (10 digits), a fragment of a
 * business name, a region, or every case of a bundle.
 */
export const CONFLICT_KINDS = ['registrationNo', 'businessName', 'region', 'bundle'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export interface DeclaredConflict {
  conflictId: string;
  kind: ConflictKind;
  value: string;
  reason: string;
  declaredAt: string;
}

/**
 * A member as stored by an earlier version (or sent by an older main process): the fields added
 * since get their defaults, so the rest of the code sees one shape.
 */
export function restoreMember<T extends object>(stored: T): T & Pick<Member, 'active' | 'conflicts'> {
  const m = stored as Partial<Member>;
  return { ...stored, active: typeof m.active === 'boolean' ? m.active : true, conflicts: Array.isArray(m.conflicts) ? m.conflicts : [] };
}

/** Secretaries keep the record; they do not vote. */
export function canVote(member: Pick<Member, 'role'>): boolean {
  return member.role !== 'secretary';
}

export const DEMO_COUNCIL_NAME = '카카오 1015 피해지원 협의체';

/**
 * The chair, four members and a secretary, from the bodies that formed the 1015 council. 이도현
 * declared one conflict, so the demo shows a suggested recusal: the registration number of case
 * 1015-000011 (오늘의 플라워, tier T2, no flag) of the demo bundle the build makes
 * (make-demo-bundle --cases 60 --seed 1015).
 */
export const DEMO_MEMBERS: readonly Member[] = [
  { memberId: 'm1', name: '정한결', affiliation: '소상공인연합회', role: 'chair', active: true, conflicts: [] },
  { memberId: 'm2', name: '박서윤', affiliation: '카카오', role: 'member', active: true, conflicts: [] },
  {
    memberId: 'm3',
    name: '이도현',
    affiliation: '소상공인연합회',
    role: 'member',
    active: true,
    conflicts: [
      {
        conflictId: 'm3-c1',
        kind: 'registrationNo',
        value: '7422419399',
        reason: '오늘의 플라워 대표와 소상공인연합회 종로지회에서 함께 활동하며 경영 자문을 해 왔습니다.',
        declaredAt: '2023-02-20T10:00:00+09:00',
      },
    ],
  },
  { memberId: 'm4', name: '최지아', affiliation: '한국소비자연맹', role: 'member', active: true, conflicts: [] },
  { memberId: 'm5', name: '강민재', affiliation: '참여연대', role: 'member', active: true, conflicts: [] },
  { memberId: 's1', name: '윤하늘', affiliation: '협의체 사무국', role: 'secretary', active: true, conflicts: [] },
];
