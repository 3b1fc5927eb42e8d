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
}

/** Secretaries keep the record; they do not vote. */
export function canVote(member: Pick<Member, 'role'>): boolean {
  return member.role !== 'secretary';
}

export const DEMO_COUNCIL_NAME = '카카오 1015 피해지원 협의체';

/** The chair, four members and a secretary, from the bodies that formed the 1015 council. */
export const DEMO_MEMBERS: readonly Member[] = [
  { memberId: 'm1', name: '정한결', affiliation: '소상공인연합회', role: 'chair' },
  { memberId: 'm2', name: '박서윤', affiliation: '카카오', role: 'member' },
  { memberId: 'm3', name: '이도현', affiliation: '소상공인연합회', role: 'member' },
  { memberId: 'm4', name: '최지아', affiliation: '한국소비자연맹', role: 'member' },
  { memberId: 'm5', name: '강민재', affiliation: '참여연대', role: 'member' },
  { memberId: 's1', name: '윤하늘', affiliation: '협의체 사무국', role: 'secretary' },
];
