import { useEffect, useRef, useState, type ReactNode } from 'react'
import { Input, Picker, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { UpdateProfileDocument, type AgeGroup, type GuardianKind } from '../../gql/graphql'
import PageRoot from '../../components/PageRoot'
import SignInPanel from '../../components/SignInPanel'
import { useCounties } from '../../hooks/useCounties'
import { useSession } from '../../hooks/useStore'
import { isApiError, messageOf, request } from '../../services/graphql'
import { FIX_FIELDS } from '../../services/errors'
import { updateSessionUser, type SessionUser } from '../../services/session'
import {
  AGE_GROUPS,
  ageGroupLabel,
  checkProfileForm,
  GUARDIAN_KINDS,
  guardianKindLabel,
  profileFieldErrors,
  toggleAgeGroup,
  type ProfileField,
} from '../../utils/profile'
import './index.scss'

function leave() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.switchTab({ url: '/pages/mine/index' })
}

export default function ProfilePage() {
  const { user, token } = useSession()
  const { params } = useRouter()
  return (
    <PageRoot className='profile'>
      {token && user ? <ProfileForm user={user} first={params.first === '1'} /> : <SignInPanel title='登录后填写资料' />}
    </PageRoot>
  )
}

type Errors = Partial<Record<ProfileField, string>>

function ProfileForm({ user, first }: { user: SessionUser; first: boolean }) {
  const counties = useCounties()
  const [displayName, setDisplayName] = useState(user.displayName ?? '')
  const [countyCode, setCountyCode] = useState<string | null>(user.countyCode ?? null)
  const [guardianKind, setGuardianKind] = useState<GuardianKind | null>(user.guardianKind ?? null)
  const [ageGroups, setAgeGroups] = useState<AgeGroup[]>(user.childrenAgeGroups ?? [])
  const [phone, setPhone] = useState(user.phone ?? '')
  const [errors, setErrors] = useState<Errors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const savingNow = useRef(false) // a double tap comes before the re-render that shows 正在保存

  // A field the reader changes is no longer wrong as far as we know: its message goes.
  const clear = (field: ProfileField) => setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current))

  useEffect(() => {
    if (first) void Taro.setNavigationBarTitle({ title: '欢迎！请完善资料' })
  }, [first])

  const countyNames = counties.counties.map((county) => county.name)
  const countyIndex = counties.counties.findIndex((county) => county.code === countyCode)
  // A lecturer's or organizer's county decides whose work they review or who reviews theirs: the
  // server lets only an admin change it (setUserRole), so it is shown here, not offered.
  const countyFixed = user.role !== 'PARENT'

  const save = async () => {
    if (savingNow.current) return
    const problems = checkProfileForm({ displayName })
    setErrors(problems)
    setFailure(null)
    if (Object.keys(problems).length > 0) return
    savingNow.current = true
    setSaving(true)
    try {
      const { updateProfile } = await request(UpdateProfileDocument, {
        input: {
          displayName: displayName.trim(),
          ...(countyFixed ? {} : { countyCode }),
          guardianKind,
          childrenAgeGroups: ageGroups,
          phone: phone.trim() || null, // left empty: no number kept
        },
      })
      updateSessionUser(updateProfile)
      void Taro.showToast({ title: '已保存', icon: 'success' })
      setTimeout(leave, 600)
    } catch (error) {
      const fields = isApiError(error) && error.code === 'BAD_USER_INPUT' ? profileFieldErrors(error.errors) : {}
      if (Object.keys(fields).length > 0) {
        setErrors(fields)
        setFailure(FIX_FIELDS)
      } else {
        setFailure(messageOf(error))
      }
    } finally {
      savingNow.current = false
      setSaving(false)
    }
  }

  return (
    <View className='profile__form'>
      {first && <Text className='profile__lead'>填一下这几项，我们好为您推荐附近、适合孩子年龄的讲座。</Text>}

      <Field label='怎么称呼您' field='displayName' error={errors.displayName}>
        <Input
          className='profile__input profile__name'
          value={displayName}
          placeholder='比如：王奶奶'
          maxlength={20}
          onInput={(event) => {
            setDisplayName(event.detail.value)
            clear('displayName')
          }}
        />
      </Field>

      <Field label='所在县区' field='countyCode' error={errors.countyCode}>
        {countyFixed ? (
          <View className='profile__county-fixed'>
            <Text className='profile__picker-value'>
              {countyIndex >= 0 ? countyNames[countyIndex] : user.countyCode ?? (user.role === 'LECTURER' ? '未设置' : '全市')}
            </Text>
            <Text className='profile__hint'>所属区县由管理员设置，如需更改请联系管理员。</Text>
          </View>
        ) : counties.failed && counties.counties.length === 0 ? (
          <View className='profile__picker profile__picker--failed' hoverClass='profile__picker--hover' onClick={() => void counties.retry()}>
            <Text className='profile__picker-value profile__picker-value--empty'>县区没加载出来，点此重试</Text>
          </View>
        ) : (
          <Picker
            className='profile__county'
            mode='selector'
            range={countyNames}
            value={Math.max(countyIndex, 0)}
            onChange={(event) => {
              setCountyCode(counties.counties[Number(event.detail.value)]?.code ?? null)
              clear('countyCode')
            }}
          >
            <View className='profile__picker' hoverClass='profile__picker--hover'>
              <Text className={`profile__picker-value${countyIndex < 0 ? ' profile__picker-value--empty' : ''}`}>
                {countyIndex >= 0 ? countyNames[countyIndex] : counties.status === 'loading' ? '正在加载县区…' : '请选择'}
              </Text>
              <Text className='profile__picker-action'>选择 ▾</Text>
            </View>
          </Picker>
        )}
      </Field>

      <Field label='您是孩子的' field='guardianKind' error={errors.guardianKind}>
        <View className='profile__chips'>
          {GUARDIAN_KINDS.map((kind) => (
            <View
              key={kind}
              className={`profile-chip profile-chip--guardian profile-chip--${kind.toLowerCase()}${guardianKind === kind ? ' profile-chip--active' : ''}`}
              onClick={() => {
                setGuardianKind((current) => (current === kind ? null : kind))
                clear('guardianKind')
              }}
            >
              {guardianKindLabel(kind)}
            </View>
          ))}
        </View>
      </Field>

      <Field label='孩子的年龄段（可多选）' field='childrenAgeGroups' error={errors.childrenAgeGroups}>
        <View className='profile__chips'>
          {AGE_GROUPS.map((group) => (
            <View
              key={group}
              className={`profile-chip profile-chip--age profile-chip--${group.toLowerCase().replace(/_/g, '-')}${ageGroups.includes(group) ? ' profile-chip--active' : ''}`}
              onClick={() => {
                setAgeGroups((current) => toggleAgeGroup(current, group))
                clear('childrenAgeGroups')
              }}
            >
              {ageGroupLabel(group)}
            </View>
          ))}
        </View>
      </Field>

      <Field label='手机号（选填）' field='phone' error={errors.phone}>
        <Input
          className='profile__input profile__phone'
          type='number'
          value={phone}
          placeholder='方便主办方联系您'
          maxlength={11}
          onInput={(event) => {
            setPhone(event.detail.value)
            clear('phone')
          }}
        />
        <Text className='profile__hint'>只有您自己和主办方能看到完整号码。</Text>
      </Field>

      {failure && <Text className='profile__failure'>{failure}</Text>}
      <View
        className={`big-button big-button--primary profile__save${saving ? ' big-button--busy' : ''}`}
        hoverClass='big-button--hover'
        onClick={() => void save()}
      >
        {saving ? '正在保存…' : '保存'}
      </View>
      {first && (
        <View className='profile__later' hoverClass='profile__later--hover' onClick={leave}>
          以后再说
        </View>
      )}
    </View>
  )
}

function Field({ label, field, error, children }: { label: string; field: ProfileField; error?: string; children: ReactNode }) {
  return (
    <View className={`profile__field profile__field--${field}${error ? ' profile__field--invalid' : ''}`}>
      <Text className='profile__label'>{label}</Text>
      {children}
      {error && <Text className={`profile__error profile__error--${field}`}>{error}</Text>}
    </View>
  )
}
