import OpikCore
