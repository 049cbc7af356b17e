import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { useSession } from '../../hooks/useStore'
import {
  offerProfileOnce,
  signInForDevelopment,
  signInWithWechat,
  SIGNS_IN_WITH_WECHAT,
  type DevelopmentRole,
  type SignInResult,
} from '../../services/auth'
import type { SessionUser } from '../../services/session'
import './index.scss'

interface Props {
  /** What signing in is for, e.g. 登录后即可预约. */
  title?: string
  onSignedIn?: (user: SessionUser) => void
  /** Open 完善资料 for a new account once signed in (from 我的; not in the middle of booking). */
  offerProfile?: boolean
}

const DEVELOPMENT_ROLES: Array<[DevelopmentRole, string]> = [
  ['PARENT', '家长'],
  ['LECTURER', '讲师'],
  ['ORGANIZER', '妇联审核'],
]

/**
 * Signing in where it is needed. In the mini program one tap signs in with WeChat; in a browser
 * (H5) a 体验登录 form takes a name or id instead (the server allows it outside production).
 */
export default function SignInPanel({ title = '登录后可以预约讲座、查看入场券', onSignedIn, offerProfile = false }: Props) {
  const session = useSession()
  const [name, setName] = useState('')
  const [role, setRole] = useState<DevelopmentRole>('PARENT')
  const [error, setError] = useState<string | null>(null)
  const busy = session.phase === 'signingIn'

  const finish = (result: SignInResult) => {
    if (!result.ok) {
      setError(result.message)
      return
    }
    setError(null)
    onSignedIn?.(result.user)
    if (offerProfile) offerProfileOnce(result.user)
  }

  const signInWechat = () => {
    if (!busy) void signInWithWechat().then(finish)
  }
  const signInDevelopment = () => {
    if (!busy) void signInForDevelopment(name, role).then(finish)
  }

  const notice = error ?? session.notice
  return (
    <View className='sign-in'>
      <Text className='sign-in__title'>{title}</Text>
      {notice && (
        <Text className={`sign-in__notice${session.wechatUnavailable ? ' sign-in__notice--unavailable' : ''}`}>{notice}</Text>
      )}
      {SIGNS_IN_WITH_WECHAT ? (
        <View
          className={`big-button big-button--primary sign-in__wechat${busy ? ' big-button--busy' : ''}`}
          hoverClass='big-button--hover'
          onClick={signInWechat}
        >
          {busy ? '正在登录…' : session.wechatUnavailable ? '再试一次' : '微信一键登录'}
        </View>
      ) : (
        <View className='dev-sign-in'>
          <Text className='dev-sign-in__label'>体验登录</Text>
          <Input
            className='dev-sign-in__input'
            value={name}
            placeholder='请输入姓名或编号'
            maxlength={30}
            confirmType='go'
            onInput={(event) => setName(event.detail.value)}
            onConfirm={signInDevelopment}
          />
          <View className='dev-sign-in__roles'>
            {DEVELOPMENT_ROLES.map(([value, label]) => (
              <View
                key={value}
                className={`dev-sign-in__role${role === value ? ' dev-sign-in__role--on' : ''}`}
                onClick={() => setRole(value)}
              >
                {label}
              </View>
            ))}
          </View>
          <View
            className={`big-button big-button--primary dev-sign-in__button${busy ? ' big-button--busy' : ''}`}
            hoverClass='big-button--hover'
            onClick={signInDevelopment}
          >
            {busy ? '正在登录…' : '体验登录'}
          </View>
          <Text className='dev-sign-in__note'>网页体验版：不用密码，同一个姓名或编号会进入同一个账号。</Text>
        </View>
      )}
    </View>
  )
}
