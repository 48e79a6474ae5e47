import { ApiError } from '../http/api-error';

export const unauthenticated = (): ApiError =>
  new ApiError('UNAUTHENTICATED', {
    zh: '请先登录',
    en: 'Please sign in first',
  });

export const forbidden = (roles: readonly string[]): ApiError =>
  new ApiError(
    'FORBIDDEN',
    {
      zh: `当前账号无此权限 (需要角色: ${roles.join(' / ')})`,
      en: `Your account may not do this (needs role: ${roles.join(' / ')})`,
    },
    { roles },
  );

export const notAssigned = (communityId: number | null): ApiError =>
  new ApiError(
    'FORBIDDEN',
    {
      zh: '您未被分配到该小区, 不能修改其方案',
      en: 'You are not assigned to this community and may not change its plans',
    },
    { communityId },
  );

export const notAssignedToDistrict = (districtId: number): ApiError =>
  new ApiError(
    'FORBIDDEN',
    {
      zh: '您未被分配到该片区的任何小区, 不能修改其规则',
      en: 'You are not assigned to any community of this district and may not change its rules',
    },
    { districtId },
  );

export const proposalLocked = (state: string): ApiError =>
  new ApiError(
    'PROPOSAL_LOCKED',
    {
      zh: state === 'approved' ? '方案已审批通过, 不能再修改' : '方案正在审查中, 退回后才能修改',
      en:
        state === 'approved'
          ? 'The proposal is approved and can no longer be changed'
          : 'The proposal is under review; it can be changed once returned',
    },
    { reviewState: state },
  );
