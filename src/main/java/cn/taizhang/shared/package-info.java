/**
 * Types every module speaks: the signed-in user, roles, and the domain exception whose message
 * key is shown to the user translated.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.taizhang.shared;
